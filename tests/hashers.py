"""A password hasher that counts how often it hashes: proves work is done without timing anything."""

from typing import ClassVar

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"
    hashed: ClassVar[list[str]] = []  # the passwords hashed, in order; cleared by the test that reads it

    def encode(self, password: str, salt: str) -> str:
        CountingHasher.hashed.append(password)
        return super().encode(password, salt)
