# Django's Russian «j F» gives «2 Декабрь»; «E» is the month as a date says it: «2 декабря».
MONTH_DAY_FORMAT = "j E"
