"""Placeholder: being written."""


def extract(doc):
    return []
