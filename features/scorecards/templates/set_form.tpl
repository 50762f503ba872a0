{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="{{BACK}}">Quay lại bộ tiêu chí</a></p>
  <h1 id="form-title">{{TITLE}}</h1>
  {{#LEAD}}<p class="lead">{{LEAD}}</p>{{/LEAD}}
  <form method="post" action="{{ACTION}}" novalidate aria-labelledby="form-title"{{#MULTIPART}} enctype="multipart/form-data"{{/MULTIPART}}>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#FIELD}}<div class="field{{#INVALID}} field-invalid{{/INVALID}}">
      {{#CHECKBOX}}<input type="checkbox" id="{{ID}}" name="{{NAME}}" value="yes"{{#CHECKED}} checked{{/CHECKED}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}> {{/CHECKBOX}}<label for="{{ID}}">{{LABEL}}</label>
      {{#HAS_HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HAS_HINT}}
      {{#INVALID}}<p class="field-error" id="{{ID}}-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
      {{#INPUT}}<input id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#HAS_INPUTMODE}} inputmode="{{INPUTMODE}}"{{/HAS_INPUTMODE}} maxlength="300"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/INPUT}}
      {{#TEXTAREA}}<textarea id="{{ID}}" name="{{NAME}}" rows="3" maxlength="2000"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE:pre_escape}}</textarea>{{/TEXTAREA}}
      {{#SELECT}}<select id="{{ID}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>{{/OPTION}}</select>{{/SELECT}}
      {{#FILE}}<input type="file" id="{{ID}}" name="{{NAME}}" accept=".json,.xlsx"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/FILE}}
    </div>
    {{/FIELD}}<button type="submit">{{SUBMIT}}</button>
  </form>
  {{#DELETE}}<p id="delete-link"><a href="{{HREF}}">Xoá tiêu chí {{KEY}}</a></p>{{/DELETE}}
</section>
