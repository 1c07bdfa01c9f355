"""Whose product a question asks about (action round on ITU's products, issue 13;
minimal pairs of our own wording, the first assertion of each test failed before): a
question put to nobody that asks about a Bureau's database, publication or programme
("Does the ITU conformity and interoperability database list ...?", `w7`-035; "the ITU
model questionnaire" of the household survey, `w8`-014; "Is there an update?" after the
FIGI security assurance framework, `w2`-087) is owed by the Bureau that runs it, as
``config/itu_products.yaml`` says. A question put to somebody keeps its addressee.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.cli import cli
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.itu_products import ItuProducts, load_itu_products
from iscg_mailbot.settings.loaded import ConfigFiles
from iscg_mailbot.settings.members import MembersConfig

CONFIG = Path(__file__).resolve().parent.parent / "config"
SENT = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
LUIS = Address("Luis Ramírez", "luis.ramirez@example.gob.mx")
AHMED = Address("Ahmed El-Sayed", "ahmed.elsayed@itu.int")  # TSB's


@pytest.fixture(scope="module")
def products() -> ItuProducts:
    return load_itu_products(CONFIG / "itu_products.yaml")


def owners(text: str, members: MembersConfig, products: ItuProducts,
           sender: Address = LUIS) -> list[str | None]:
    message = ActionInput(text, SENT, sender=sender)
    found = extract_actions(message, members=members, products=products)
    found = found + find_questions(message, found, members, products)
    return [c.owner for c in found]


def test_a_question_about_a_bureaus_database_is_that_bureaus(
        members: MembersConfig, products: ItuProducts) -> None:
    asked = ("Dear colleagues,\n\nDoes the ITU conformity and interoperability database "
             "list laboratories accredited for SAR testing in the Americas?\n\nLuis")
    assert owners(asked, members, products) == ["TSB"]
    plain = asked.replace("the ITU conformity and interoperability database",
                          "any public register")
    assert owners(plain, members, products) == [None]


def test_the_product_named_in_the_paragraph_before(
        members: MembersConfig, products: ItuProducts) -> None:
    asked = ("Dear colleagues,\n\nOur statistical office is redesigning its household "
             "survey. Will the model include a disability module, and from which round?"
             "\n\nLuis")
    assert owners(asked, members, products) == ["BDT"]
    plain = asked.replace("household survey", "labour force survey")
    assert owners(plain, members, products) == [None]
    # Only the question's own paragraph: a product named further up is another matter.
    apart = ("Dear colleagues,\n\nThanks for the household survey data.\n\n"
             "Will the model include a disability module?\n\nLuis")
    assert owners(apart, members, products) == [None]


def test_an_addressee_keeps_the_question(members: MembersConfig,
                                         products: ItuProducts) -> None:
    asked = ("Dear Ingrid,\n\nIs there an update of the Financial Inclusion Global "
             "Initiative security assurance framework?\n\nLuis")
    assert owners(asked, members, products) == ["Ingrid Solheim"]
    assert owners(asked.replace("Dear Ingrid", "Dear colleagues"), members, products) == ["TSB"]


def test_no_owner_from_products_of_two_bureaux_or_the_askers_own(
        members: MembersConfig, products: ItuProducts) -> None:
    two = ("Dear colleagues,\n\nAre the Radio Regulations and the ICT Development Index "
           "both available in Arabic?\n\nLuis")
    assert owners(two, members, products) == [None]
    assert owners(two.replace(" and the ICT Development Index", ""), members,
                  products) == ["BR"]
    own = ("Dear colleagues,\n\nIs the patent database down for everybody?\n\nAhmed")
    assert owners(own, members, products, AHMED) == [None]
    assert owners(own, members, products) == ["TSB"]


def test_without_the_table_nobody_is_asked(members: MembersConfig,
                                           products: ItuProducts) -> None:
    asked = "Dear colleagues,\n\nIs the Global Cybersecurity Index out yet?\n\nLuis"
    assert owners(asked, members, ItuProducts()) == [None]
    assert owners(asked, members, products) == ["BDT"]


def test_a_broken_entry_is_a_config_error_naming_file_key_and_fix(tmp_path: Path) -> None:
    file = tmp_path / "itu_products.yaml"
    file.write_text("products:\n  - name: Radio Regulations\n    bureau: ITU-R\n")
    with pytest.raises(ConfigError) as error:
        load_itu_products(file)
    message = str(error.value)
    assert "itu_products.yaml" in message and "products[0] (Radio Regulations): bureau" in message
    assert "TSB" in message  # the values it may take
    file.write_text("products:\n  - name: Radio Regulations\n    bureau: BR\n")
    assert load_itu_products(file).bureau_named("the Radio\n Regulations") == "BR"


def test_the_configuration_reads_the_table(tmp_path: Path) -> None:
    assert ConfigFiles(tmp_path).itu_products().products == ()
    assert ConfigFiles(CONFIG).itu_products().bureau_named("the BR IFIC") == "BR"


def test_config_check_reports_a_broken_entry(tmp_path: Path) -> None:
    config = tmp_path / "config"
    shutil.copytree(CONFIG, config)
    (config / "iscg-mailbot.toml").write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "x.db"}"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "config", "check"])
    assert result.exit_code == 0, result.output
    assert f"{config / 'itu_products.yaml'}: 16 product(s)" in result.stdout
    (config / "itu_products.yaml").write_text(
        "products:\n  - {name: Radio Regulations, bureau: BR, alias: [RR]}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "config", "check"])
    assert result.exit_code == 1
    assert f"error: {config / 'itu_products.yaml'}: products[0] (Radio Regulations): alias" \
        in result.stderr


def test_a_name_under_two_bureaux_is_a_config_error(tmp_path: Path) -> None:
    """Such a name would name both Bureaux in every question, which then goes to nobody:
    the entry would silently do nothing."""
    file = tmp_path / "itu_products.yaml"
    file.write_text("products:\n  - name: Radio Regulations\n    bureau: BR\n"
                    "  - name: Global Cybersecurity Index\n    aliases: [GCI, radio  regulations]\n"
                    "    bureau: BDT\n")
    with pytest.raises(ConfigError) as error:
        load_itu_products(file)
    message = str(error.value)
    assert "itu_products.yaml" in message and "products" in message
    assert "(Global Cybersecurity Index, BDT) is also a name of Radio Regulations (BR)" \
        in message
    # The same name twice under one Bureau is harmless.
    file.write_text("products:\n  - name: Radio Regulations\n    bureau: BR\n"
                    "  - name: Master Register\n    aliases: [Radio Regulations]\n    bureau: BR\n")
    assert load_itu_products(file).bureau_named("the radio regulations") == "BR"
