-- Organisation settings an admin saved (/settings, PUT /api/settings), one row per setting: key/value rather than one
-- row with a column per setting, because "never saved" is then simply no row (the setting takes its configured value,
-- CxBridge:* in appsettings or the environment), going back to the default is deleting the row, a new setting needs no
-- script, and a row an older instance does not know (during a rolling upgrade) is ignored rather than breaking its read.
-- value: the setting as the application checked and wrote it (culture-invariant text, as in configuration: "Europe/Paris",
-- "0.6", "30"). Keys are the API's (camelCase); the application checks keys and values (SettingsCatalog), and every save
-- sends NOTIFY cxbridge_settings so each instance reloads them.
CREATE TABLE settings (
    key        text        PRIMARY KEY CHECK (key ~ '^[a-z][A-Za-z0-9]*$'),
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
