"""The index follows the manual: a page published, unpublished or moved is indexed again with what is under it
(deleted pages take their entries with them). In the publishing transaction: the index never says what the
manual does not."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .indexing import page_index
from .models import SearchEntry


@receiver(page_published, dispatch_uid="search_page_published")
def page_published_index(sender, instance, **kwargs):
    page_index(page=instance)


@receiver(page_unpublished, dispatch_uid="search_page_unpublished")
def page_unpublished_index(sender, instance, **kwargs):
    page_index(page=instance)


@receiver(post_page_move, dispatch_uid="search_page_moved")
def page_moved_index(sender, instance, **kwargs):
    page_index(page=instance)


@receiver(post_delete, dispatch_uid="search_page_deleted")
def page_deleted_index(sender, instance, **kwargs):
    """Wagtail unpublishes a live page as it deletes it, and the unpublishing signal carries a copy read again
    from the database, still live: the entries indexed from it are removed once the page row is gone."""
    if isinstance(instance, Page):
        SearchEntry.objects.filter(page_id=instance.pk).delete()
