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


class Warnings:
    W001 = "[W001] {doc_id}: no publication date; relative dates are left unresolved"
    W002 = "[W002] {path}, line {line}: invalid published date {value!r}; treated as missing"


class NewsEventsError(Exception):
    """An expected failure caused by the user's input or setup, shown as one line."""


class KnowledgeError(NewsEventsError):
    """A knowledge file under models/ is malformed."""


class InputError(NewsEventsError):
    """An input corpus or table cannot be used."""
