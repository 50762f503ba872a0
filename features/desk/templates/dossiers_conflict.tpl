{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>{{TITLE}}</h1>
  <div class="alert" role="alert" id="conflict"><p>{{MESSAGE}}</p></div>
  <p class="actions"><a class="button" href="{{URL}}">Tải lại hồ sơ {{CODE}}</a> <a class="button secondary" href="/desk/dossiers">Danh sách hồ sơ</a></p>
</section>
