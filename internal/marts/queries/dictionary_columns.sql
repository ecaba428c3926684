SELECT table_name, column_name, data_type, comment
FROM duckdb_columns()
WHERE schema_name = 'marts'
ORDER BY table_name, column_index
