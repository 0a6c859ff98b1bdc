"""The preferences page and the unsubscribe-from-everything link a recipient's mails carry, in
process on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from calendar_service.adapters.db.repository import Repository
from calendar_service.bootstrap import Container
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.domain.subscriptions import CYCLES, Subscription
from calendar_service.entrypoints.web import create_app
from calendar_service.services.robot_subscriptions import subscribe_robot
from calendar_service.services.signed_links import SignedLinks
from calendar_service.settings import load_settings
from tests.times import WEB_CLOCK

OPS = "ops@example.com"
BOSS = "boss@example.com"
SAVE = {
    "cycles": ["monthly", "daily"],
    "include_ineligible": "1",
    "daily_summary": "daily",
    "locale": "en",
}


@dataclass
class Site:
    client: TestClient
    repository: Repository
    signer: SignedLinks
    container: Container

    def path(self, email: str = OPS, kind: str = "preferences") -> str:
        return f"/{kind}/{self.signer.recipient_token(email)}"

    def of(self, email: str, active_only: bool = True) -> dict[str, Subscription]:
        found = self.repository.subscriptions_of(email, active_only=active_only)
        return {s.store_id: s for s in found}


@pytest.fixture
def site(database_url: str, tmp_path: Path) -> Site:
    container = Container(load_settings(database_url=database_url, secret_key_file=tmp_path / "k"))
    repository = container.repository
    stores = [
        StoreSnapshot("b2b-1", WEB_CLOCK, name="义乌<小>商品店"),
        StoreSnapshot("b2b-2", WEB_CLOCK, name="杭州服饰"),
        StoreSnapshot("b2b-3", WEB_CLOCK, name="温州鞋业"),
    ]
    repository.add_snapshots(stores, [], "test", WEB_CLOCK)
    repository.subscribe("b2b-1", OPS, now=WEB_CLOCK, cycles="monthly")
    repository.subscribe("b2b-2", OPS, now=WEB_CLOCK, cycles="monthly")
    repository.subscribe("b2b-3", OPS, now=WEB_CLOCK)
    repository.unsubscribe(OPS, "b2b-3", WEB_CLOCK)  # ended: not listed
    repository.subscribe("b2b-1", BOSS, now=WEB_CLOCK)
    client = TestClient(create_app(container, lambda: WEB_CLOCK))
    return Site(client, repository, container.signed_links, container)


def _checked(page: str, name: str) -> set[str]:
    return set(re.findall(rf'name="{name}" value="([^"]+)" checked', page))


def test_the_page_lists_the_address_s_stores_and_its_preferences(site: Site) -> None:
    page = site.client.get(site.path())
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    text = page.text
    assert '<html lang="zh-CN">' in text and "提醒设置" in text and OPS in text
    assert "义乌&lt;小&gt;商品店" in text and "(b2b-1)" in text  # escaped
    assert "杭州服饰" in text and "(b2b-2)" in text
    assert "温州鞋业" not in text  # ended
    assert _checked(text, "cycles") == {"monthly"}
    assert _checked(text, "include_ineligible") == {"1"}
    assert _checked(text, "daily_summary") == {"weekly"}
    assert 'value="zh-CN" selected' in text
    assert text.count('name="stop"') == 2
    assert f'href="{site.path(kind="unsubscribe")}"' in text

    english = site.client.get(site.path() + "?lang=en").text
    assert '<html lang="en">' in english and "Reminder preferences" in english
    assert f'action="{site.path()}?lang=en"' in english


def test_saving_sets_every_store_of_the_address_and_says_so(site: Site) -> None:
    boss_before = site.of(BOSS)
    saved = site.client.post(site.path() + "?lang=en", data=SAVE)
    assert saved.status_code == 200 and "Saved." in saved.text
    for s in site.of(OPS).values():
        assert s.cycles == {"monthly", "daily"} and s.daily_summary == "daily"
        assert s.include_ineligible is True and s.locale == "en"
    assert _checked(saved.text, "cycles") == {"monthly", "daily"}  # the page shows the new ones
    assert site.of(BOSS) == boss_before
    assert site.of(OPS, active_only=False)["b2b-3"].cycles == frozenset(CYCLES)

    unticked = {k: v for k, v in SAVE.items() if k != "include_ineligible"}
    again = site.client.post(site.path(), data=unticked)
    assert again.status_code == 200 and "已保存。" in again.text
    assert {s.include_ineligible for s in site.of(OPS).values()} == {False}
    same = site.client.post(site.path(), data=unticked)
    assert "没有变化" in same.text


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"cycles": []}, "请至少勾选一个周期"),
        ({"cycles": ["monthly", "weekly"]}, "请至少勾选一个周期"),
        ({"daily_summary": "hourly"}, "汇总方式"),
        ({"daily_summary": None}, "汇总方式"),
        ({"locale": "fr"}, "邮件语言"),
        ({"include_ineligible": "perhaps"}, "暂不符合报名条件"),
    ],
)
def test_a_bad_value_is_a_400_saying_what_is_wrong_and_nothing_is_saved(
    site: Site, change: dict[str, object], words: str
) -> None:
    before = site.repository.subscriptions(active_only=False)
    form = {k: v for k, v in {**SAVE, **change}.items() if v is not None}
    response = site.client.post(site.path(), data=form)
    assert response.status_code == 400
    assert words in response.text and "没有保存任何更改" in response.text
    assert site.repository.subscriptions(active_only=False) == before


def test_too_many_fields_are_a_400_not_a_500(site: Site) -> None:
    body = "&".join(f"cycles=monthly{i}" for i in range(200))
    response = site.client.post(
        site.path(), content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 400


def test_stop_ends_one_store_of_the_address_only(site: Site) -> None:
    response = site.client.post(site.path(), data={"stop": "b2b-1"})
    assert response.status_code == 200 and "已停止店铺 b2b-1 的提醒" in response.text
    assert list(site.of(OPS)) == ["b2b-2"]
    assert list(site.of(BOSS)) == ["b2b-1"]
    assert "(b2b-1)" not in response.text
    again = site.client.post(site.path(), data={"stop": "b2b-1"})  # a second click
    assert again.status_code == 200 and list(site.of(OPS)) == ["b2b-2"]


@pytest.mark.parametrize(
    "token",
    [
        "nope",
        "r.b3BzQGV4YW1wbGUuY29t.forged",
        "1.abc",
        "r." + "A" * 5000 + ".x",
        "%ED%B2%80",  # a lone surrogate once decoded
    ],
)
def test_an_unknown_link_is_a_404_in_both_languages(site: Site, token: str) -> None:
    before = site.repository.subscriptions(active_only=False)
    for response in (
        site.client.get(f"/preferences/{token}"),
        site.client.post(f"/preferences/{token}", data=SAVE),
    ):
        assert response.status_code == 404
        assert "链接无效" in response.text and "not valid" in response.text
    assert site.repository.subscriptions(active_only=False) == before


def test_another_key_s_token_is_a_404(site: Site) -> None:
    foreign = SignedLinks(b"another installation's key, 32 b").recipient_token(OPS)
    assert site.client.get(f"/preferences/{foreign}").status_code == 404


def test_an_address_with_no_subscription_left_gets_the_page_without_a_form(site: Site) -> None:
    site.repository.unsubscribe(OPS, None, WEB_CLOCK)
    page = site.client.get(site.path())
    assert page.status_code == 200 and "没有订阅任何店铺" in page.text
    assert 'name="cycles"' not in page.text


def test_unsubscribe_all_ends_only_that_address_s_subscriptions(site: Site) -> None:
    path = site.path(kind="unsubscribe")
    confirm = site.client.get(path)
    assert (
        confirm.status_code == 200
        and "所有店铺" in confirm.text
        and "all your stores" in confirm.text
    )
    assert len(site.of(OPS)) == 2  # a GET never unsubscribes
    for _ in range(2):  # one click, and again harmlessly
        done = site.client.post(path, data={"List-Unsubscribe": "One-Click"})
        assert done.status_code == 200 and "任何店铺" in done.text
    assert site.of(OPS) == {}
    assert list(site.of(BOSS)) == ["b2b-1"]


def test_a_subscription_s_unsubscribe_link_still_ends_that_one_only(site: Site) -> None:
    one = site.of(OPS)["b2b-2"]
    path = f"/unsubscribe/{site.signer.unsubscribe_token(one.id)}"
    assert "这家店铺" in site.client.get(path).text
    assert site.client.post(path).status_code == 200
    assert list(site.of(OPS)) == ["b2b-1"]
    forged = "r." + site.signer.recipient_token(OPS).split(".")[1] + ".forged"
    assert site.client.post(f"/unsubscribe/{forged}").status_code == 404
    assert list(site.of(OPS)) == ["b2b-1"]


def test_stores_whose_preferences_differ_are_said_to_and_saving_makes_them_one(
    site: Site,
) -> None:
    site.repository.subscribe("b2b-2", OPS, now=WEB_CLOCK, daily_summary="daily")
    page = site.client.get(site.path()).text
    assert "设置不同" in page
    assert _checked(page, "daily_summary") == {"weekly"}  # the first store's (b2b-1)
    saved = site.client.post(site.path(), data=SAVE).text
    assert "设置不同" not in saved
    assert {s.daily_summary for s in site.of(OPS).values()} == {"daily"}


def test_a_robot_s_page_names_it_by_its_platform_and_masked_webhook_and_saves_alike(
    site: Site,
) -> None:
    token = "3f1e9c0a7b5d2e8f"
    done = subscribe_robot(
        site.container.robots, site.repository, ["b2b-1", "b2b-2"], "dingtalk",
        f"https://oapi.dingtalk.com/robot/send?access_token={token}", "SECabc", "zh-CN",
        WEB_CLOCK,
    )  # fmt: skip
    key = done.robot.key
    page = site.client.get(site.path(key)).text
    assert f"钉钉群机器人 {done.robot.label}" in page and token not in page
    english = site.client.get(site.path(key) + "?lang=en").text
    assert f"DingTalk robot {done.robot.label}" in english
    saved = site.client.post(site.path(key), data=SAVE)
    assert saved.status_code == 200
    assert {s.daily_summary for s in site.of(key).values()} == {"daily"}
