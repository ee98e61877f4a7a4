from django.http import HttpRequest, HttpResponse
from django.urls import path

from alongside.urls import urlpatterns as alongside_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    """The ceiling: the same server and middleware, no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *alongside_urlpatterns]
