"""Fine-tune the risk detector's sentence reader on the labelled examples in lib/risk_data/.

`python manage.py train_risk_reader` learns from every example of risk_model.EXAMPLES
(devtools/risk_reader.py says how), writes lib/risk_data/reader.npz, then embeds the examples
again with the new reader (examples.npz). It needs torch: install the `risk-training` extra
first (`uv sync --extra risk-model --extra risk-training`, some gigabytes); the web and worker
processes never do. Run it after the examples change, then measure with bench/risk_bench.py.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alongside.lib import risk_model


class Command(BaseCommand):
    help = "Fine-tune the risk detector's sentence reader on lib/risk_data/'s examples."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            import torch  # noqa: F401
        except ImportError as error:
            raise CommandError(
                "Training needs torch: install the risk-training extra (see pyproject.toml)."
            ) from error
        from alongside.devtools import risk_reader

        cases = risk_model._example_cases()
        arrays = risk_reader.train(
            [c["text"] for c in cases], [c["level"] for c in cases], seed=options["seed"]
        )
        risk_reader.save(arrays, risk_model.examples_digest(cases), risk_model.READER)
        risk_model._reader.cache_clear()
        risk_model._examples.cache_clear()
        encoder = risk_model._encoder()
        if encoder is None:
            raise CommandError("The risk-model extra is not installed (see pyproject.toml).")
        risk_model.build_example_vectors(encoder)
        risk_model._examples.cache_clear()
        self.stdout.write(f"Stored {risk_model.READER} and {risk_model.EXAMPLE_VECTORS}")
