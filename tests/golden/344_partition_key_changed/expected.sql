-- hazard: DELETES_DATA drops table "logs" and all its rows to create it again with another partitioning (PostgreSQL cannot change it in place)
-- hazard: BACKWARD_INCOMPATIBLE code using table "logs" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "logs" against reads and writes
-- hazard: DELETES_DATA drops table "readings" and all its rows to create it again with another partitioning (PostgreSQL cannot change it in place)
-- hazard: BACKWARD_INCOMPATIBLE code using table "readings" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "readings" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "logs" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "readings" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "readings" against reads and writes

DROP TABLE "public"."logs";
--> statement-breakpoint
DROP TABLE "public"."readings";
--> statement-breakpoint
CREATE TABLE "public"."logs" (
	"id" bigint NOT NULL,
	"at" date NOT NULL
) PARTITION BY RANGE (at);
--> statement-breakpoint
CREATE TABLE "public"."readings" (
	"sensor" integer NOT NULL,
	"taken_on" date NOT NULL
) PARTITION BY LIST (sensor);
--> statement-breakpoint
CREATE TABLE "public"."logs_2026" PARTITION OF "public"."logs" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
--> statement-breakpoint
CREATE TABLE "public"."readings_1" PARTITION OF "public"."readings" FOR VALUES IN (1);
--> statement-breakpoint
CREATE TABLE "public"."readings_rest" PARTITION OF "public"."readings" DEFAULT;
--> statement-breakpoint
CREATE INDEX "readings_sensor_idx" ON "public"."readings" USING btree ("sensor");
