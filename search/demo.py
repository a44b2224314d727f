"""The demo manual made searchable: its loader writes pages without publishing them one by one."""

from .indexing import index_rebuild


def load_search_index(*, stdout, force: bool = False) -> None:
    count = index_rebuild()
    stdout.write(f"Indexed {count} pages of the manual for search.")
