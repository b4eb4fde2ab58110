-- hazard: DELETES_DATA drops table "pages" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE table "pages" disappears

DROP TABLE "pages";
