from django.urls import path

from . import views

app_name = "journal"

urlpatterns = [
    path("", views.entry_list, name="entry-list"),
    path("new/", views.entry_new, name="entry-new"),
    path("new/autosave/", views.entry_autosave_new, name="entry-autosave-new"),
    path("delete/", views.journal_delete, name="journal-delete"),
    path("export.md", views.export, {"fmt": "md"}, name="export-md"),
    path("export.json", views.export, {"fmt": "json"}, name="export-json"),
    path("<uuid:code>/", views.entry_edit, name="entry-edit"),
    path("<uuid:code>/autosave/", views.entry_autosave, name="entry-autosave"),
    path("<uuid:code>/delete/", views.entry_delete, name="entry-delete"),
]
