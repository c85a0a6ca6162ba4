from quizcli.ui.app import main

main()
