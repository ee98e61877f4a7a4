from django.urls import path

from . import views

app_name = "selfchecks"

urlpatterns = [
    path("", views.self_check_list, name="list"),
    path("results/<uuid:code>/", views.result, name="result"),
    path("results/<uuid:code>/delete/", views.delete, name="result-delete"),
    path("<slug:instrument>/", views.take, name="take"),
    path("<slug:instrument>/draft/", views.draft, name="draft"),
    path("<slug:instrument>/history/", views.history, name="history"),
]
