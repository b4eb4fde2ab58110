-- hazard: DELETES_DATA changes column "contacts"."others" from email[] to text[], which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "contacts"."others" from email[] to text[]
-- hazard: TABLE_REWRITE rewrites table "contacts" to change column "contacts"."others" to text[]
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "contacts" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE adds check "email_has_at" to domain "email": fails if a column using it holds a value it refuses

ALTER TABLE "public"."contacts" ALTER COLUMN "others" SET DATA TYPE text[] USING "others"::text[];
--> statement-breakpoint
ALTER DOMAIN "public"."email" ADD CONSTRAINT "email_has_at" CHECK (position('@' in VALUE) > 0);
