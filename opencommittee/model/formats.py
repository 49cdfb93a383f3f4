"""What the open data promises, shared by the files (publish) and the page that
describes them (render): format name and version, licence, file names, CSV lists."""

FORMAT_NAME = "opencommittee-dataset"
FORMAT_VERSION = "1.0"
LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# Lists of plain values (ids) in one CSV cell are joined with this.
LIST_SEPARATOR = "; "

DOWNLOADS_DIR = "downloads"
DATASET_FILE = "opencommittee.json"
SCHEMA_FILE = "opencommittee.schema.json"
POPOLO_FILE = "popolo.json"
FEED_FILE = "feed.xml"
CALENDAR_FILE = "calendar.ics"
