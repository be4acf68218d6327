"""The language switcher (/i18n/setlang/): Django's own view, and for a signed-in person the language kept too."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views import i18n

from portal.languages.selectors import is_language
from portal.languages.services import keep_language


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's ``set_language``; the language it set in the cookie becomes the signed-in person's language."""
    response = i18n.set_language(request)
    cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie is not None and request.user.is_authenticated and is_language(cookie.value):
        keep_language(user=request.user, language=cookie.value)
    return response
