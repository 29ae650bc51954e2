import sys
import time

from django.core.management.base import BaseCommand

from indexing.services import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from the database (vectors are reused where the text is unchanged)."

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            width = 30
            filled = width * done // max(total, 1)
            rate = done / max(time.monotonic() - started, 1e-6)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} postings ({rate:,.1f}/s)")
            sys.stderr.flush()

        count = index_rebuild(progress=progress)
        sys.stderr.write("\n")
        self.stdout.write(self.style.SUCCESS(f"indexed {count} postings in {time.monotonic() - started:.1f}s"))
