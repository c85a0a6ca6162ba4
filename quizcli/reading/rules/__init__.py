"""The rules of the rule-based reader, one module for each kind of thing they find."""
