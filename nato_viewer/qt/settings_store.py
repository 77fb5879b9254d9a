"""The only place that touches QSettings: user choices under settings/, window state under state/.

State (geometry, splitters, header) can be wiped on its own (a Qt upgrade, --reset-settings)
without losing choices. Byte blobs are stored as base64 text, never pickled.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

SCHEMA_VERSION = 1


class SettingsStore:
    def __init__(self, path: str | None = None):
        if path:
            self._settings = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._settings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "nato_viewer", "nato_viewer"
            )
        self._migrate()

    @property
    def path(self) -> str:
        return self._settings.fileName()

    def _migrate(self) -> None:
        version = self._int("meta/schema", 0)
        if version > SCHEMA_VERSION:
            return  # written by a newer version: read what we understand, change nothing
        if version < SCHEMA_VERSION:
            self._settings.setValue("meta/schema", SCHEMA_VERSION)

    def reset(self) -> None:
        self._settings.clear()
        self._settings.setValue("meta/schema", SCHEMA_VERSION)
        self._settings.sync()

    def reset_state(self) -> None:
        self._settings.remove("state")

    def sync(self) -> None:
        self._settings.sync()

    # ---- typed access ------------------------------------------------------------
    def _str(self, key: str) -> str | None:
        value = self._settings.value(key)
        return str(value) if value not in (None, "") else None

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._settings.value(key, default))
        except (TypeError, ValueError):
            return default

    def _bytes(self, key: str) -> bytes | None:
        text = self._str(key)
        if not text:
            return None
        data = QByteArray.fromBase64(text.encode("ascii", "ignore"))
        return bytes(data.data()) or None

    def _set_bytes(self, key: str, data: bytes | QByteArray) -> None:
        raw = QByteArray(bytes(data)) if not isinstance(data, QByteArray) else data
        self._settings.setValue(key, bytes(raw.toBase64().data()).decode("ascii"))

    # ---- settings (user choices) --------------------------------------------------
    def language(self) -> str | None:
        lang = self._str("settings/language")
        return lang if lang in ("fr", "en") else None

    def set_language(self, lang: str) -> None:
        if lang in ("fr", "en"):
            self._settings.setValue("settings/language", lang)

    # ---- state (window) -----------------------------------------------------------
    def geometry(self) -> bytes | None:
        return self._bytes("state/geometry")

    def set_geometry(self, data) -> None:
        self._set_bytes("state/geometry", data)

    def window_state(self) -> bytes | None:
        return self._bytes("state/window")

    def set_window_state(self, data) -> None:
        self._set_bytes("state/window", data)

    def splitter(self, name: str) -> list[int] | None:
        text = self._str(f"state/splitters/{name}")
        if not text:
            return None
        try:
            sizes = [int(part) for part in text.split(",")]
        except ValueError:
            return None
        return sizes if sizes and all(s >= 0 for s in sizes) else None

    def set_splitter(self, name: str, sizes: list[int]) -> None:
        self._settings.setValue(f"state/splitters/{name}", ",".join(str(int(s)) for s in sizes))

    def header(self, name: str) -> bytes | None:
        return self._bytes(f"state/headers/{name}")

    def set_header(self, name: str, data) -> None:
        self._set_bytes(f"state/headers/{name}", data)

    def last_folder(self) -> str | None:
        return self._str("state/last_folder")

    def set_last_folder(self, folder: str) -> None:
        self._settings.setValue("state/last_folder", str(folder))
