"""`{% link "name" %}`: `{% url %}` for URLs without arguments, resolved once per process.

Reversing costs about 25 µs a call and base.html has a dozen links on every page; a URL without
arguments only changes with the script prefix, which is part of the cache key.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


@lru_cache(maxsize=256)
def _reverse(name: str, prefix: str) -> str:
    return reverse(name)


@register.simple_tag
def link(name: str) -> str:
    return _reverse(name, get_script_prefix())
