"""Accuracy of indicator verdicts (met / unmet / unknown) on a labelled set: the same code path
as match explanations (matching.indicators.assess). Format: ../shared/eval/indicators/README.md."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matching.indicator_evaluation import BadCase, figures, load_cases, run


class Command(BaseCommand):
    help = "Evaluate indicator verdicts on a labelled set: accuracy (95% bootstrap interval), met precision and recall."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", action="store_true", help="end with one JSON line of the figures")

    def handle(self, *args, **opts):
        path: Path = opts["file"]
        try:
            cases = load_cases(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: not UTF-8 JSON ({exc})") from None
        except (KeyError, TypeError) as exc:
            raise CommandError(f"{path}: not an indicator set: missing {exc}") from None
        except BadCase as exc:
            raise CommandError(f"{path}: {exc}") from None
        if not cases:
            raise CommandError(f"{path}: needs at least one case")
        verdicts = run(cases)
        for case, verdict in zip(cases, verdicts, strict=False):
            if verdict.verdict != case.expected:
                ind = case.indicator
                self.stdout.write(
                    f"✗ {case.id}  {ind.name} {ind.target} {ind.unit}: expected {case.expected}, got {verdict.verdict}"
                    f" ({verdict.label}{'; ' + verdict.claim if verdict.claim else ''})"
                )
        result = figures([c.expected for c in cases], [v.verdict for v in verdicts])
        low, high = result["accuracy_ci95"]
        self.stdout.write(
            f"accuracy {result['accuracy']:.4f} (95% CI {low:.4f}–{high:.4f})  met precision {result['met_precision']:.4f}"
            f"  met recall {result['met_recall']:.4f}  ({result['cases']} cases)"
        )
        if opts["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
