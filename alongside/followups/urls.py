from django.urls import path

from . import views

app_name = "followups"

urlpatterns = [
    path("<uuid:code>/", views.answer, name="answer"),
    path("people/", views.people, name="people"),
]
