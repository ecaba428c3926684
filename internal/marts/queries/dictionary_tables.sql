SELECT t.table_name, t.comment,
       coalesce((SELECT array_to_string(c.constraint_column_names, ', ') FROM duckdb_constraints() AS c
                 WHERE c.schema_name = 'marts' AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'), '') AS cle
FROM duckdb_tables() AS t
WHERE t.schema_name = 'marts'
ORDER BY t.table_name
