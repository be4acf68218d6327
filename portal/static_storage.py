"""Static files in production: WhiteNoise's hashed, compressed files, with the manifest kept out of STATIC_ROOT."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class PrivateManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise serves every file under STATIC_ROOT to anyone; the manifest (each static file's name and hash) is
    for Django alone, so it is written to and read from STATIC_MANIFEST_DIR instead."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("manifest_storage", FileSystemStorage(location=settings.STATIC_MANIFEST_DIR))
        super().__init__(*args, **kwargs)
