from django.urls import path

from . import views

app_name = "stories"
urlpatterns = [
    path("", views.story_list, name="story-list"),
    path("new/", views.story_new, name="story-new"),
    path("moderation/", views.moderation_queue, name="moderation-queue"),
    path("moderation/<uuid:code>/", views.moderate, name="moderate"),
    path("moderation/replies/<uuid:code>/", views.moderate_reply, name="moderate-reply"),
    path("<uuid:code>/", views.story_detail, name="story-detail"),
    path("<uuid:code>/edit/", views.story_edit, name="story-edit"),
    path("<uuid:code>/check/", views.story_check, name="story-check"),
    path("<uuid:code>/react/", views.story_react, name="story-react"),
    path("<uuid:code>/withdraw/", views.story_withdraw, name="story-withdraw"),
]
