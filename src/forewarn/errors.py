"""forewarn's exceptions: one tree, each with a greppable code and a retryable flag.

::

    ForewarnError                       FW000
    ├── UsageError                      FW100  bad arguments or settings (exit code 2)
    │   ├── ConfigError                 FW101  a config file or FOREWARN_* value is wrong
    │   └── RulesError                  FW102  a rules/actors data file is malformed (names file+line)
    ├── InputError                      FW200  one input cannot become an article (final)
    │   ├── InputNotFound               FW201
    │   ├── EmptyInput                  FW202
    │   ├── BinaryInput                 FW203
    │   ├── UndecodableInput            FW204
    │   ├── MalformedRecord             FW205  a JSON/JSONL record that is not valid
    │   ├── UnsupportedInput            FW206
    │   ├── UnsupportedLanguage         FW207  not English: rejected, never coded with English rules
    │   └── InputTooLarge               FW208  over the max_input_bytes setting
    ├── StoreError                      FW300
    │   ├── SchemaTooNew                FW301  the store was written by a newer forewarn
    │   ├── StoreLocked                 FW302  another process is writing (retryable)
    │   ├── StoreMissing                FW303  a read-only command was pointed at no store
    │   └── OutOfSpace                  FW304  the disk is full: the run stopped, nothing half-written
    ├── ModelError                      FW400  the spaCy pipeline cannot be loaded
    └── CodingFailed                    FW500  the coder failed on one article (a bug: report it)

``InputError`` subclasses carry a short ``reason`` ("binary", "empty", …) that is stored in the
rejects table; the message is the human-readable detail.
"""

from __future__ import annotations

__all__ = [
    "BinaryInput",
    "CodingFailed",
    "ConfigError",
    "EmptyInput",
    "ForewarnError",
    "InputError",
    "InputNotFound",
    "InputTooLarge",
    "MalformedRecord",
    "ModelError",
    "OutOfSpace",
    "RulesError",
    "SchemaTooNew",
    "StoreError",
    "StoreLocked",
    "StoreMissing",
    "UndecodableInput",
    "UnsupportedInput",
    "UnsupportedLanguage",
    "UsageError",
]


class ForewarnError(Exception):
    code = "FW000"
    retryable = False

    def __str__(self) -> str:
        return f"{super().__str__()} [{self.code}]"


class UsageError(ForewarnError):
    code = "FW100"


class ConfigError(UsageError):
    code = "FW101"


class RulesError(UsageError):
    code = "FW102"

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line = path, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class InputError(ForewarnError):
    code = "FW200"
    reason = "unreadable"


class InputNotFound(InputError):
    code = "FW201"
    reason = "not-found"


class EmptyInput(InputError):
    code = "FW202"
    reason = "empty"


class BinaryInput(InputError):
    code = "FW203"
    reason = "binary"


class UndecodableInput(InputError):
    code = "FW204"
    reason = "undecodable"


class MalformedRecord(InputError):
    code = "FW205"
    reason = "bad-record"


class UnsupportedInput(InputError):
    code = "FW206"
    reason = "unsupported"


class UnsupportedLanguage(InputError):
    code = "FW207"
    reason = "not-english"


class InputTooLarge(InputError):
    code = "FW208"
    reason = "too-large"


class StoreError(ForewarnError):
    code = "FW300"


class SchemaTooNew(StoreError):
    code = "FW301"


class StoreLocked(StoreError):
    code = "FW302"
    retryable = True


class StoreMissing(StoreError):
    code = "FW303"


class OutOfSpace(StoreError):
    code = "FW304"


class ModelError(ForewarnError):
    code = "FW400"


class CodingFailed(ForewarnError):
    code = "FW500"
