"""Training targets in the Wagtail admin: who reaches which targets (selectors), the forms, the list, edit,
history and import screens (views, import_views); the viewsets are registered in reports.wagtail_hooks."""
