from django.urls import path

from . import resident, views, views_staff

app_name = "orders"

urlpatterns = [
    path("orders/", views.catalogue, name="catalogue"),
    path("orders/new/", views.order_form, name="new"),
    path("orders/done/", views.order_done, name="done"),
    path("account/invoices/<str:number>.pdf", resident.own_invoice, name="own-invoice"),
    path("staff/orders/", views_staff.order_list, name="staff-list"),
    path("staff/orders/<str:number>/do/<slug:name>/", views_staff.order_step, name="staff-step"),
    path("staff/orders/<str:number>/invoice.pdf", views_staff.invoice_file, name="staff-invoice"),
]
