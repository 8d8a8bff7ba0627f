from django.urls import path

from . import views, views_scenarios

urlpatterns = [
    path("", views.scenario_list, name="practice-list"),
    path("<int:pk>/", views.practise, name="practice-call"),
    path("attempts/<int:pk>/", views.attempt, name="practice-attempt"),
    path("attempts/<int:pk>/ask/<int:index>/", views.ask, name="practice-ask"),
    path("results/", views.my_results, name="practice-my-results"),
    path("results/operators/", views.all_results, name="practice-operators"),
    path("results/operators/<int:user_id>/", views.operator_results, name="practice-operator-results"),
    path("scenarios/new/", views_scenarios.scenario_new, name="practice-scenario-new"),
    path("scenarios/<int:pk>/edit/", views_scenarios.scenario_edit, name="practice-scenario-edit"),
    path("from-appeal/", views.from_appeal, name="practice-from-appeal"),
]
