ALTER SEQUENCE "public"."tickets" AS bigint INCREMENT BY 5 MINVALUE 10 MAXVALUE 5000 START WITH 200 CACHE 10 CYCLE;
--> statement-breakpoint
COMMENT ON SEQUENCE "public"."tickets" IS 'Ticket numbers.';
