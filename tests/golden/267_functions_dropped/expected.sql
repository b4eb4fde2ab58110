-- hazard: BACKWARD_INCOMPATIBLE drops trigger "users_audit" on "users"
-- hazard: BACKWARD_INCOMPATIBLE drops trigger "users_touch" on "users"
-- hazard: BACKWARD_INCOMPATIBLE drops trigger "users_truncated" on "users"
-- hazard: DELETES_DATA drops table "audit_log" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "audit_log" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "audit_log" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE drops function "public"."audit"()
-- hazard: BACKWARD_INCOMPATIBLE drops function "public"."email_of"(bigint, text)
-- hazard: BACKWARD_INCOMPATIBLE drops procedure "public"."purge"(integer)
-- hazard: BACKWARD_INCOMPATIBLE drops function "public"."touch"()

DROP TRIGGER "users_audit" ON "public"."users";
--> statement-breakpoint
DROP TRIGGER "users_touch" ON "public"."users";
--> statement-breakpoint
DROP TRIGGER "users_truncated" ON "public"."users";
--> statement-breakpoint
DROP TABLE "public"."audit_log";
--> statement-breakpoint
DROP FUNCTION "public"."audit"();
--> statement-breakpoint
DROP FUNCTION "public"."email_of"(bigint, text);
--> statement-breakpoint
DROP PROCEDURE "public"."purge"(integer);
--> statement-breakpoint
DROP FUNCTION "public"."touch"();
