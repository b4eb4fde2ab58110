CREATE TABLE "line_items" (
	"id" INTEGER NOT NULL,
	"quantity" INTEGER NOT NULL,
	"unit_price" NUMERIC NOT NULL,
	"total" NUMERIC NOT NULL GENERATED ALWAYS AS (quantity * unit_price) STORED,
	"first_name" TEXT NOT NULL,
	"last_name" TEXT NOT NULL,
	"full_name" TEXT NOT NULL GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
