"""Build the search index anew from the live manual (after loading content, or to repair it)."""

import time

from django.core.management.base import BaseCommand

from search.indexing import index_rebuild


class Command(BaseCommand):
    help = "Build the manual's search index anew from the live pages, in every language."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = index_rebuild()
        self.stdout.write(f"Indexed {count} pages and languages in {time.perf_counter() - started:.1f} s.")
