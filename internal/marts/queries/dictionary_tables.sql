SELECT table_name, comment
FROM duckdb_tables()
WHERE schema_name = 'marts'
ORDER BY table_name
