"""Cloud links that answer but do not show the document to the public (pure rules; the checker fetches).

Google Drive/Docs, OneDrive, SharePoint and Dropbox answer a link that is not shared publicly with a
working page (status 200): a sign-in page, often after a redirect to the service's login host, or a
"request access" page. A link to a folder opens, but the verifier still has to find the document. The
link checker (:mod:`kipmonev.sources.links`) hands the original link, the address it ended at and, for a
service's page, the start of the HTML to :func:`cloud_fault`, which says which of these it is and what
to do in that service.

The rules are data: one :class:`CloudService` per service (host names, login hosts, page markers, folder
addresses, the fix). The markers are those the services' pages carry (English and Indonesian interface);
the recorded pages in ``tests/data/links/`` are modelled on them. A public page of these services has a
"Sign in" button too, so a login address inside a page is not a marker: only a redirect to the login host
or the sign-in page's own title is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from kipmonev.core.catalogue import Message, Text
from kipmonev.sources.problems_links import (
    FIX_DROPBOX,
    FIX_GOOGLE,
    FIX_ONEDRIVE,
    FIX_SHAREPOINT,
    LINK_CLOUD_FOLDER,
    LINK_CLOUD_RESTRICTED,
    LINK_CLOUD_SIGN_IN,
    LINK_VIA_SHORTENER,
)

__all__ = ["BODY_LIMIT", "SERVICES", "SHORTENERS", "CloudService", "cloud_fault", "is_cloud", "service_of"]

#: Most bytes of a service's page read to look for the markers.
BODY_LIMIT = 256 * 1024


@dataclass(frozen=True)
class CloudService:
    """How one cloud service shows that a link is not public.

    Attributes:
        name: The service's name, as people know it.
        hosts: Host names of its links (a name matches itself and its subdomains).
        login_hosts: Hosts it redirects to for signing in: a link that ends there is not public.
        sign_in_markers: Texts (compared case-insensitively) of its sign-in page.
        restricted_markers: Texts of its "you need access" page (restricted sharing).
        folder_paths: Patterns of the path of a link to a folder rather than a file.
        folder_example: A file link of the service, for the folder message.
        fix: The sharing setting to change, in the service's own words.
    """

    name: str
    hosts: tuple[str, ...]
    login_hosts: tuple[str, ...]
    sign_in_markers: tuple[str, ...]
    restricted_markers: tuple[str, ...]
    folder_paths: tuple[re.Pattern[str], ...]
    folder_example: str
    fix: Text


GOOGLE = CloudService(
    name="Google Drive",
    hosts=("drive.google.com", "docs.google.com", "drive.usercontent.google.com"),
    login_hosts=("accounts.google.com",),
    sign_in_markers=("<title>google drive: sign-in</title>", "<title>google docs: sign-in</title>", "<title>sign in - google accounts</title>"),
    restricted_markers=("you need access", "request access", "anda memerlukan akses", "minta akses", "you need permission"),
    folder_paths=(re.compile(r"^/drive/(?:u/\d+/)?folders/"), re.compile(r"^/drive/(?:u/\d+/)?(?:my-drive|shared-with-me)")),
    folder_example="https://drive.google.com/file/d/…/view",
    fix=FIX_GOOGLE,
)
ONEDRIVE = CloudService(
    name="OneDrive",
    hosts=("onedrive.live.com", "1drv.ms"),
    login_hosts=("login.live.com",),
    sign_in_markers=("<title>sign in to your microsoft account</title>",),
    restricted_markers=("this item might not exist or is no longer available", "you need permission to access this item"),
    folder_paths=(),
    folder_example="https://1drv.ms/b/…",
    fix=FIX_ONEDRIVE,
)
SHAREPOINT = CloudService(
    name="SharePoint",
    hosts=("sharepoint.com",),
    login_hosts=("login.microsoftonline.com",),
    sign_in_markers=("<title>sign in to your account</title>",),
    restricted_markers=("you need permission to access this item", "<title>access denied</title>"),
    folder_paths=(re.compile(r"^/:f:/"), re.compile(r"/forms/allitems\.aspx", re.IGNORECASE)),
    folder_example="https://contoh.sharepoint.com/:b:/g/…",
    fix=FIX_SHAREPOINT,
)
DROPBOX = CloudService(
    name="Dropbox",
    hosts=("dropbox.com",),
    login_hosts=(),
    sign_in_markers=("<title>dropbox - sign in</title>", "<title>masuk - dropbox</title>"),
    restricted_markers=("this link is private", "this file is private", "request access", "link has been disabled"),
    folder_paths=(re.compile(r"^/scl/fo/"), re.compile(r"^/sh/")),
    folder_example="https://www.dropbox.com/scl/fi/…",
    fix=FIX_DROPBOX,
)
#: The services, in the order they are tried.
SERVICES = (GOOGLE, ONEDRIVE, SHAREPOINT, DROPBOX)
#: Link shorteners: followed like any redirect; a message about where one ends names the address.
SHORTENERS = ("bit.ly", "s.id", "tinyurl.com", "t.ly", "cutt.ly", "rebrand.ly", "shorturl.at", "is.gd", "ow.ly", "goo.gl", "1drv.ms", "lnk.id")


def _within(host: str, names: tuple[str, ...]) -> bool:
    return any(host == name or host.endswith("." + name) for name in names)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def service_of(url: str) -> CloudService | None:
    """The service whose link ``url`` is, or whose login page it is; ``None`` for any other site."""
    host = _host(url)
    for service in SERVICES:
        if _within(host, service.hosts) or _within(host, service.login_hosts):
            return service
    return None


def is_cloud(url: str) -> bool:
    """Whether ``url`` is a cloud service's link or login page (whose page the checker should read)."""
    return service_of(url) is not None


def cloud_fault(url: str, final: str, page: str | None = None, status: int = 200) -> Message | None:
    """What keeps the public from the document behind ``url``, or ``None`` (not a cloud link, or public).

    Args:
        url: The link as written.
        final: The address it ended at, after redirects (shorteners included).
        page: The start of the HTML the service answered with (at most :data:`BODY_LIMIT` bytes), when read.
        status: The final HTTP status; 401 and 403 from a service mean restricted sharing. Other errors
            are not the service's sharing and get no cloud message.
    """
    service = service_of(final) or service_of(url)
    if service is None:
        return None
    via = LINK_VIA_SHORTENER.text(target=final) if _within(_host(url), SHORTENERS) and final != url else ""
    values = {"url": url, "service": service.name, "via": via, "fix": service.fix.text()}
    if _within(_host(final), service.login_hosts):
        return LINK_CLOUD_SIGN_IN.fill(**values)
    if status in (401, 403):
        return LINK_CLOUD_RESTRICTED.fill(**values)
    if status >= 400:
        return None
    text = (page or "").casefold()
    if any(marker in text for marker in service.restricted_markers):
        return LINK_CLOUD_RESTRICTED.fill(**values)
    if any(marker in text for marker in service.sign_in_markers):
        return LINK_CLOUD_SIGN_IN.fill(**values)
    path = urlsplit(final).path
    if any(p.search(path) for p in service.folder_paths):
        return LINK_CLOUD_FOLDER.fill(url=url, service=service.name, via=via, example=service.folder_example)
    return None
