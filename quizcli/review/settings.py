"""The user's study settings, kept in `config.yaml` in the quizcli folder.

Every setting has a default, so the file is optional; a setting given with the
wrong type is an error that names the file, the setting and what it takes.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from quizcli.errors import QuizcliError

CONFIG_NAME = "config.yaml"


class SettingsError(QuizcliError):
    exit_code = 2


@dataclass(frozen=True)
class BankLimits:
    """Daily limits and the target retention for one bank, where they differ from the
    global ones."""

    new_per_day: int | None = None
    reviews_per_day: int | None = None
    desired_retention: float | None = None


@dataclass(frozen=True)
class Settings:
    desired_retention: float = 0.9
    learning_steps: tuple[float, ...] = (1.0, 10.0)
    """Minutes between the first reviews of a new card."""
    relearning_steps: tuple[float, ...] = (10.0,)
    """Minutes between the reviews of a card that was forgotten."""
    maximum_interval: int = 36500
    """Days."""
    day_starts_at: int = 4
    """The hour (local time) at which a new study day begins, as in Anki."""
    learn_ahead_limit: int = 20
    """Minutes: a card in learning may be shown this long before it is due, and no sooner."""
    new_per_day: int = 20
    reviews_per_day: int = 200
    leech_threshold: int = 8
    """A card forgotten this many times is suspended and tagged a leech."""
    exam_date: dt.date | None = None
    parameters: tuple[float, ...] | None = None
    """FSRS parameters fitted by `quizcli optimize`; the library's defaults when unset."""
    banks: dict[str, BankLimits] = field(default_factory=dict)

    def limits_for(self, bank: str) -> tuple[int, int]:
        """(new per day, reviews per day) for a bank."""
        own = self.banks.get(bank, BankLimits())
        return (
            own.new_per_day if own.new_per_day is not None else self.new_per_day,
            own.reviews_per_day if own.reviews_per_day is not None else self.reviews_per_day,
        )

    def for_bank(self, bank: str | None) -> Settings:
        """The settings a bank's cards are scheduled with: its own desired retention where
        it has one (a bank for the prelims may aim higher than one of background
        reading)."""
        own = self.banks.get(bank) if bank is not None else None
        if own is None or own.desired_retention is None:
            return self
        return replace(self, desired_retention=own.desired_retention)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "banks":
                value = {k: {n: v for n, v in vars(b).items() if v is not None}
                         for k, b in value.items()}
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, dt.date):
                value = value.isoformat()
            out[f.name] = value
        return out


def _number(name: str, value: Any, low: float, high: float, whole: bool = False) -> float:
    ok_type = isinstance(value, int) if whole else isinstance(value, (int, float))
    if isinstance(value, bool) or not ok_type or not low <= value <= high:
        kind = "a whole number" if whole else "a number"
        raise ValueError(f"'{name}' must be {kind} from {low:g} to {high:g}, not {value!r}")
    return value


def _steps(name: str, value: Any) -> tuple[float, ...]:
    if not isinstance(value, list):
        raise ValueError(f"'{name}' must be a list of minutes, such as [1, 10]")
    return tuple(float(_number(name, v, 0.1, 60 * 24 * 30)) for v in value)


def _onto_bounds(parameters: list[float]) -> list[float]:
    """Parameters a float32 rounding away from a bound py-fsrs sets, put on it: an older
    `quizcli optimize` saved fsrs-rs's 0.8 as 0.800000011920929."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    out = []
    for i, value in enumerate(parameters):
        if i < len(LOWER_BOUNDS_PARAMETERS):
            for bound in (LOWER_BOUNDS_PARAMETERS[i], UPPER_BOUNDS_PARAMETERS[i]):
                if abs(value - bound) <= 1e-6 * max(1.0, abs(bound)):
                    value = bound
        out.append(value)
    return out


class SettingsProblems(ValueError):
    """Every bad setting of a config file: (the setting, dotted for one inside 'banks',
    or None for the file as a whole; what is wrong)."""

    def __init__(self, problems: list[tuple[str | None, str]]):
        self.problems = problems
        super().__init__("; ".join(message for _, message in problems))


def settings_from(data: Any) -> Settings:
    """Settings from a parsed config file; SettingsProblems (a ValueError) names every
    bad setting, not only the first."""
    if data is None:
        return Settings()
    if not isinstance(data, dict):
        raise SettingsProblems([(None, "the file must be a mapping of settings, such as "
                                       "'new_per_day: 20'")])
    known = {f.name for f in fields(Settings)}
    problems: list[tuple[str | None, str]] = [
        (str(name), f"unknown setting '{name}'; known settings: {', '.join(sorted(known))}")
        for name in data if name not in known]
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known:
            continue
        try:
            if name == "banks":
                values[name] = _banks(value, problems)
            else:
                values[name] = _setting(name, value)
        except ValueError as exc:
            problems.append((name, str(exc)))
    if problems:
        raise SettingsProblems(problems)
    return replace(Settings(), **values)


def _banks(value: Any, problems: list[tuple[str | None, str]]) -> dict[str, BankLimits]:
    if not isinstance(value, dict):
        raise ValueError("'banks' must map bank ids to limits, such as "
                         "{upsc: {new_per_day: 10}}")
    banks = {}
    for bank, limits in value.items():
        if not isinstance(limits, dict) or set(limits) - {
                "new_per_day", "reviews_per_day", "desired_retention"}:
            problems.append((f"banks.{bank}", f"'banks.{bank}' may set new_per_day, "
                                              "reviews_per_day and desired_retention"))
            continue
        counts: dict[str, int] = {}
        retention = None
        for k, v in limits.items():
            try:
                if k == "desired_retention":
                    retention = float(_number(f"banks.{bank}.{k}", v, 0.7, 0.99))
                else:
                    counts[k] = int(_number(f"banks.{bank}.{k}", v, 0, 100_000, whole=True))
            except ValueError as exc:
                problems.append((f"banks.{bank}.{k}", str(exc)))
        banks[str(bank)] = BankLimits(desired_retention=retention, **counts)
    return banks


def _setting(name: str, value: Any) -> Any:
    """One top-level setting's value, checked; ValueError says what it must be."""
    if name == "desired_retention":
        return float(_number(name, value, 0.7, 0.99))
    elif name in ("learning_steps", "relearning_steps"):
        return _steps(name, value)
    elif name == "maximum_interval":
        return int(_number(name, value, 1, 36500, whole=True))
    elif name == "day_starts_at":
        return int(_number(name, value, 0, 23, whole=True))
    elif name == "learn_ahead_limit":
        return int(_number(name, value, 0, 24 * 60, whole=True))
    elif name in ("new_per_day", "reviews_per_day"):
        return int(_number(name, value, 0, 100_000, whole=True))
    elif name == "leech_threshold":
        return int(_number(name, value, 1, 1000, whole=True))
    elif name == "exam_date":
        if isinstance(value, dt.datetime):
            value = value.date()  # a time of day says nothing more of an exam's day
        if value is not None and not isinstance(value, dt.date):
            try:
                value = dt.date.fromisoformat(str(value).strip()[:10])
            except ValueError:
                raise ValueError("'exam_date' must be a day such as 2027-05-30") from None
        if value is not None and not 1900 <= value.year <= 2200:
            raise ValueError("'exam_date' must be a day between 1900 and 2200, such as "
                             "2027-05-30")
        return value
    elif name == "parameters":
        if value is not None and (not isinstance(value, list) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool)
                and math.isfinite(v) for v in value)):
            raise ValueError("'parameters' must be a list of numbers (quizcli optimize "
                             "writes it)")
        if value:
            from fsrs import Scheduler  # it knows how many, and within what bounds

            value = _onto_bounds([float(v) for v in value])
            try:
                Scheduler(parameters=tuple(value))
            except ValueError as exc:
                reason = " ".join(str(exc).split())
                raise ValueError(f"'parameters' are not FSRS parameters ({reason}); run "
                                 "quizcli optimize again, or delete the line to use the "
                                 "defaults") from None
        return tuple(float(v) for v in value) if value else None
    raise AssertionError(name)  # every known setting has a branch above


def load_settings(home: Path) -> Settings:
    """The settings in `home`/config.yaml, or the defaults when there is no such file."""
    path = home / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot be read ({exc}); fix or delete it") from None
    import yaml

    from quizcli.bankfile import AliasError, load_plain

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        data = load_plain(loader, text)
    except AliasError as exc:
        raise SettingsError(f"{path}:{exc.line}: uses a YAML anchor and alias (&name, "
                            "*name); write each value out in full") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise SettingsError(f"{path}{where}: invalid YAML; fix the syntax") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise SettingsError(f"{path}: {exc}; fix the value") from None  # "2027-02-30"
    finally:
        loader.dispose()
    try:
        return settings_from(data)
    except SettingsProblems as exc:
        found = sorted(((_line(text, setting), message) for setting, message in exc.problems),
                       key=lambda problem: problem[0] or 0)  # in the order of the file
        raise SettingsError("\n".join(f"{path}{f':{line}' if line else ''}: {message}"
                                      for line, message in found)) from None


def _line(text: str, setting: str | None) -> int | None:
    """The line of a setting in the file (a dotted one within its parents), where found."""
    import re

    line, at = None, 0
    for depth, key in enumerate((setting or "").split(".") if setting else ()):
        indent = "" if depth == 0 else r"[ \t]+"
        found = re.compile(rf"^{indent}['\"]?{re.escape(key)}['\"]?[ \t]*:", re.M).search(
            text, at)
        if found is None:
            break
        line, at = text.count("\n", 0, found.start()) + 1, found.end()
    return line


def save_settings(home: Path, settings: Settings) -> Path:
    """Write the settings atomically; returns the file's path."""
    import yaml

    from quizcli.files import atomic_write

    path = home / CONFIG_NAME
    text = ("# quizcli settings. Delete a line to go back to its default.\n"
            + yaml.safe_dump(settings.to_dict(), sort_keys=False, allow_unicode=True))
    atomic_write(path, text)
    return path
