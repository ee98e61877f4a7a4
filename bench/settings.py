"""Benchmark server settings: production settings plus one bare view (the ceiling)."""

from alongside.settings import *  # noqa: F403, TID251 - the production settings, unchanged

ROOT_URLCONF = "bench.urls"
