-- shale:down of 0001_after

ALTER DOMAIN "public"."amount" RENAME TO "money";
--> statement-breakpoint
ALTER DOMAIN "social"."handle" SET SCHEMA "public";
--> statement-breakpoint
DROP SCHEMA "social";
