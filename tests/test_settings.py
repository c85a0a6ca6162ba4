from __future__ import annotations

import datetime as dt

import fsrs
import pytest

from quizcli.review.settings import (
    BankLimits,
    Settings,
    SettingsError,
    load_settings,
    save_settings,
)


def test_no_file_means_the_defaults(tmp_path):
    settings = load_settings(tmp_path)
    assert settings == Settings()
    assert (settings.desired_retention, settings.day_starts_at, settings.new_per_day,
            settings.reviews_per_day, settings.leech_threshold) == (0.9, 4, 20, 200, 8)


def test_settings_round_trip_through_the_file(tmp_path):
    settings = Settings(desired_retention=0.85, learning_steps=(1.0, 5.0, 30.0),
                        exam_date=dt.date(2027, 5, 30),
                        parameters=tuple(fsrs.Scheduler().parameters),
                        banks={"upsc": BankLimits(new_per_day=5)})
    path = save_settings(tmp_path, settings)
    assert path.read_text().startswith("# quizcli settings")
    assert load_settings(tmp_path) == settings
    assert settings.limits_for("upsc") == (5, 200)
    assert settings.limits_for("other") == (20, 200)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("desired_retention: 2\n", "'desired_retention' must be a number from 0.7 to 0.99"),
        ("new_per_day: many\n", "'new_per_day' must be a whole number"),
        ("learning_steps: 10\n", "'learning_steps' must be a list of minutes"),
        ("exam_date: soon\n", "'exam_date' must be a day such as 2027-05-30"),
        ("new_per_dya: 5\n", "unknown setting 'new_per_dya'"),
        ("banks: {upsc: {daily: 3}}\n",
         "'banks.upsc' may set new_per_day, reviews_per_day and desired_retention"),
        ("new_per_day: [\n", "config.yaml:2: invalid YAML"),
        ("- a list\n", "must be a mapping of settings"),
    ],
)
def test_a_bad_setting_names_the_file_and_the_setting(tmp_path, text, expected):
    (tmp_path / "config.yaml").write_text(text)
    with pytest.raises(SettingsError) as caught:
        load_settings(tmp_path)
    assert str(caught.value).startswith(str(tmp_path / "config.yaml"))
    assert expected in str(caught.value)


def test_every_bad_setting_is_reported_at_once_with_its_line(tmp_path):
    (tmp_path / "config.yaml").write_text(
        "# my settings\n"
        "new_per_day: many\n"
        "desired_retention: 0.9\n"
        "exam_date: soon\n"
        "new_per_dya: 5\n"
        "banks:\n"
        "  upsc:\n"
        "    new_per_day: 10\n"
        "    desired_retention: 2\n")
    with pytest.raises(SettingsError) as caught:
        load_settings(tmp_path)
    path = tmp_path / "config.yaml"
    lines = str(caught.value).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(f"{path}:2: 'new_per_day' must be a whole number")
    assert lines[1].startswith(f"{path}:4: 'exam_date' must be a day")
    assert lines[2].startswith(f"{path}:5: unknown setting 'new_per_dya'")
    assert lines[3].startswith(f"{path}:9: 'banks.upsc.desired_retention' must be a number")
