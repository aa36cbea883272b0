package org.gardpipeline.publish;

/** PostgreSQL identifiers quoted, so that schema names a user gives and reserved words are taken as names. */
final class Identifiers {
    private Identifiers() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Checks a schema name given on the command line: PostgreSQL's unquoted form, so that psql users type it as is. */
    static String schema(String option, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_$]{0,62}")) {
            throw new PublishException(option + " " + schema + " is not a schema name; use lower-case letters, digits "
                    + "and _ (at most 63), starting with a letter or _", true);
        }
        return schema;
    }
}
