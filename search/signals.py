"""The index follows the manual: a page published, unpublished or moved is indexed again with what is under it
(deleted pages take their entries with them through the foreign key). In the publishing transaction: the
index never says what the manual does not."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .indexing import page_index


@receiver(page_published, dispatch_uid="search_page_published")
def page_published_index(sender, instance, **kwargs):
    page_index(page=instance)


@receiver(page_unpublished, dispatch_uid="search_page_unpublished")
def page_unpublished_index(sender, instance, **kwargs):
    page_index(page=instance)


@receiver(post_page_move, dispatch_uid="search_page_moved")
def page_moved_index(sender, instance, **kwargs):
    page_index(page=instance)
