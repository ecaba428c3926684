-- description: Les sessions de formation continue des assistants maternels.
-- depends: raw.formation_sessions
-- key: code_session
SELECT * FROM raw.formation_sessions
