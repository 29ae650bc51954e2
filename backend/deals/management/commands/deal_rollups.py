"""Check or rebuild the dashboard's maintained sums (deals.rollups) against the contracts."""

from django.core.management.base import BaseCommand, CommandError

from deals.rollups import rollup_drift, rollup_rebuild


class Command(BaseCommand):
    help = "Compare the dashboard rollup with the contracts (--check) or recompute it from them (--rebuild)."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--check", action="store_true", help="exit 1 when a row differs")
        action.add_argument("--rebuild", action="store_true", help="recompute every row, in one transaction")

    def handle(self, *args, check: bool, rebuild: bool, **options):
        if rebuild:
            self.stdout.write(f"rebuilt {rollup_rebuild():,} rollup rows from the contracts")
            return
        drift = rollup_drift()
        for key, (stored, computed) in sorted(drift.items(), key=str)[:20]:
            self.stderr.write(f"{key}: stored {stored}, computed {computed}")
        if drift:
            raise CommandError(
                f"{len(drift)} rollup rows differ from the contracts: run `manage.py deal_rollups --rebuild`",
                returncode=1,
            )
        self.stdout.write("the rollup equals the contracts")
