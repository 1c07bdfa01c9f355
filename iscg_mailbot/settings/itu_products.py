"""ITU's products by the Bureau that runs them (``config/itu_products.yaml``).

A question that names nobody but asks about a Bureau's database, publication or
programme ("Does the ITU conformity and interoperability database list ...?") is owed
by that Bureau. The secretariat edits the table; a broken entry is a ConfigError
naming file, key and fix.

    >>> table = ItuProducts(products=[{"name": "Radio Regulations", "bureau": "BR"}])
    >>> table.bureau_named("Is it in the Radio Regulations?")
    'BR'
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.validation import by_entry, format_validation_error
from iscg_mailbot.settings.yamlfile import read_yaml_mapping

ITU_PRODUCTS_FILE_NAME = "itu_products.yaml"

Bureau = Literal["TSB", "BR", "BDT", "General Secretariat"]


class Product(BaseModel):
    """One product: its public name, the other names mail uses, its Bureau."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=3)
    aliases: tuple[str, ...] = ()
    bureau: Bureau

    @field_validator("aliases")
    @classmethod
    def _long_enough(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # A name of one or two letters would be found inside ordinary words' company.
        short = [a for a in value if len(a.strip()) < 3]
        if short:
            raise ValueError(f"aliases {short} are too short: write three letters or more")
        return tuple(a.strip() for a in value)


class ItuProducts(BaseModel):
    """Everything read from ``itu_products.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    products: tuple[Product, ...] = ()

    @field_validator("products")
    @classmethod
    def _one_bureau_each(cls, products: tuple[Product, ...]) -> tuple[Product, ...]:
        # A name under two Bureaux would name both in every question that uses it, and
        # bureau_named gives such a question to nobody: the entry would do nothing, silently.
        seen: dict[str, Product] = {}
        for product in products:
            for name in (product.name, *product.aliases):
                other = seen.setdefault(" ".join(name.casefold().split()), product)
                if other.bureau != product.bureau:
                    raise ValueError(
                        f"'{name}' ({product.name}, {product.bureau}) is also a name of "
                        f"{other.name} ({other.bureau}): keep each name under the one "
                        "Bureau that runs it, or remove it")
        return products

    def bureau_named(self, text: str) -> str | None:
        """The one Bureau whose products ``text`` names; None when it names none, or
        products of several Bureaux."""
        found = {bureau for bureau, pattern in _patterns(self.products)
                 if pattern.search(text)}
        return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=8)
def _patterns(products: tuple[Product, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    # One pattern per product, its names as whole words, spaces as any run of space
    # (a name wrapped over two lines of a message).
    return tuple(
        (p.bureau, re.compile(r"(?<![\w-])(?:" + "|".join(
            r"\s+".join(re.escape(w) for w in n.split()) for n in (p.name, *p.aliases))
            + r")(?![\w-])", re.IGNORECASE))
        for p in products)


NO_PRODUCTS = ItuProducts()


def itu_products_path(config_dir: Path | str) -> Path:
    """Where the table lives in a configuration directory."""
    return Path(config_dir) / ITU_PRODUCTS_FILE_NAME


def load_itu_products(path: Path | str, *, missing_ok: bool = False) -> ItuProducts:
    """Load and validate the table; an absent file is an empty table when ``missing_ok``.

    Raises ConfigError naming file, key and fix.
    """
    file = Path(path)
    if missing_ok and not file.exists():
        return NO_PRODUCTS
    data = read_yaml_mapping(file, "ITU products table", "a 'products:' list",
                             ITU_PRODUCTS_FILE_NAME)
    try:
        return ItuProducts.model_validate(data or {})
    except ValidationError as exc:
        raise ConfigError(format_validation_error(
            file, exc, where=by_entry(data, "products", "name"))) from None


__all__ = ["NO_PRODUCTS", "ItuProducts", "Product", "itu_products_path", "load_itu_products"]
