"""Every message the project shows a user, numbered so that reports can name them."""

from __future__ import annotations


class Errors:
    E001 = "[E001] {path}: no such file or folder"
    E002 = "[E002] {path}: cannot read ({reason})"
    E003 = "[E003] {path}: no .txt articles in this folder"
    E004 = "[E004] {path}: unsupported input (expected a folder of .txt files or a .jsonl file)"
    E005 = "[E005] {path}, line {line}: {reason}"
    E006 = "[E006] {path}: missing column(s) {missing}; expected {expected}"
    E007 = "[E007] {path}: unknown column(s) {unknown}; expected {expected}"
    E008 = "[E008] {path}, line {line}: unknown key(s) {unknown}"
    E009 = "[E009] {path}, line {line}: missing field(s) {missing}"
    E010 = "[E010] {path}, line {line}: alias {alias!r} is already used by {other!r} (line {other_line})"
    E011 = "[E011] {path}, line {line}: unknown {what} {value!r}; expected one of {expected}"
    E012 = "[E012] {path}, line {line}: {field} must be {expected}, got {value!r}"
    E013 = "[E013] spaCy pipeline {name!r} is not installed: {reason}"
    E014 = "[E014] {path}: invalid pipeline config ({reason})"
    E015 = "[E015] {path}: empty file, skipped"
    E016 = "[E016] {path}: no text (only white space), skipped"
    E017 = "[E017] {path}: binary file, not text, skipped"
    E018 = "[E018] {path}{where}: doc_id {doc_id!r} was already used by {other}; skipped"
    E019 = "[E019] {path}, row {line}: {reason}"
    E020 = "[E020] stopped at the first problem (--strict): {message}"
    E021 = "[E021] --engine dask needs Dask's distributed scheduler: pip install 'newsevents[dask]'"
    E022 = "[E022] --engine dask needs --scheduler ADDRESS (for example tcp://10.0.0.5:8786)"
    E023 = "[E023] cannot reach the Dask scheduler at {address}: {reason}"
    E024 = "[E024] --scheduler is for --engine dask"


class Warnings:
    W001 = "[W001] {doc_id}: no publication date; relative dates are left unresolved"
    W002 = "[W002] {path}, line {line}: invalid published date {value!r}; treated as missing"
    W003 = "[W003] {path}, line {line}: published date {value} is in the future; treated as missing"
    W004 = "[W004] {path}, line {line}: metadata for {doc_id!r}, but there is no {doc_id}.txt"
    W005 = "[W005] {path}: not UTF-8; decoded as {encoding}"
    W006 = "[W006] {doc_id}: longer than the model's limit of {limit} characters; processed in {pieces} pieces"


class NewsEventsError(Exception):
    """An expected failure caused by the user's input or setup, shown as one line."""


class KnowledgeError(NewsEventsError):
    """A knowledge file under models/ is malformed."""


class InputError(NewsEventsError):
    """An input corpus or table cannot be used."""
