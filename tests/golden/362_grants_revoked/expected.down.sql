-- shale:down of 0001_after

GRANT SELECT ON TABLE "public"."order_ids" TO "app_ro";
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."orders" TO "app_rw";
--> statement-breakpoint
GRANT SELECT ON TABLE "public"."orders" TO PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "public"."counter" TO "app_rw";
