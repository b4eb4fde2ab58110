-- hazard: BACKWARD_INCOMPATIBLE renames domain "handle" to "social"."handle"
-- hazard: BACKWARD_INCOMPATIBLE renames domain "money" to "amount"

CREATE SCHEMA "social";
--> statement-breakpoint
ALTER DOMAIN "public"."handle" SET SCHEMA "social";
--> statement-breakpoint
ALTER DOMAIN "public"."money" RENAME TO "amount";
