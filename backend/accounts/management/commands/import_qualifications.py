"""Import a bureau's list of qualified enterprises (高新技术企业 …) from a CSV file, as the API's
upload does: every problem of every row reported, and nothing written unless the whole file is right."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.qualifications import qualifications_import


class Command(BaseCommand):
    help = "Import qualifications (CSV: 统一社会信用代码, 企业名称, 资质, 证书编号, 有效期起, 有效期止) as an official or the operator."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--source", required=True, help="the list's name, e.g. 2025年第一批高新技术企业认定名单")
        parser.add_argument("--by", required=True, help="username of the official or operator recording it")

    def handle(self, *args, path: Path, source: str, by: str, **options):
        user = User.objects.filter(username=by).first()
        if user is None:
            raise CommandError(f"no user {by!r}")
        report = qualifications_import(by=user, content=path.read_bytes(), source=source)
        for error in report.errors:
            self.stderr.write(f"row {error['row']} {error['field']}: {error['message']}")
        if report.errors:
            raise CommandError(f"{len(report.errors)} problems: nothing imported", returncode=1)
        self.stdout.write(f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}")
