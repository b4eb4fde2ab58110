CREATE TABLE "public"."seats" (
	"id" bigint NOT NULL,
	"row_no" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "seats_pkey" PRIMARY KEY ("id") DEFERRABLE INITIALLY IMMEDIATE,
	CONSTRAINT "seats_row_no_position_key" UNIQUE ("row_no", "position") DEFERRABLE INITIALLY DEFERRED,
	CONSTRAINT "seats_position_check" CHECK (position > 0) NO INHERIT
);
